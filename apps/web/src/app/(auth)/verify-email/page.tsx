import type { Metadata } from "next";
import { getSession } from "~/auth/session";
import { AuthCard } from "~/components/auth-card";
import { Link } from "~/components/ui/link";

export const metadata: Metadata = { title: "Email verified" };
export const dynamic = "force-dynamic";

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  if (error) {
    return (
      <AuthCard title="This link does not work" subtitle="It may have expired. Sign in to get a new one.">
        <Link href="/sign-in" className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Sign in
        </Link>
      </AuthCard>
    );
  }
  const session = await getSession();
  return (
    <AuthCard title="Email verified" subtitle="Your account is ready.">
      <Link
        href={session ? "/dashboard" : "/sign-in"}
        className="inline-flex w-full justify-center rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-500"
      >
        {session ? "Go to your dashboard" : "Sign in"}
      </Link>
    </AuthCard>
  );
}
