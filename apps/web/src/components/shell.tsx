"use client";
// The signed-in frame: navigation, theme, who is signed in, sign out.
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { signOutNow } from "~/auth/browser";
import { Link } from "~/components/ui/link";
import { beforeLeaving, forgetApiToken } from "~/trpc/token";
import { ImpersonationBanner } from "./impersonation-banner";
import { type OrganizationChoice, OrganizationSwitcher } from "./organization-switcher";
import { ThemeToggle } from "./theme";
import { type CurrentUser, UserContext } from "./user";

const LINKS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/tasks", label: "Tasks" },
  { href: "/files", label: "Files" },
  { href: "/api-keys", label: "API keys" },
  { href: "/organization", label: "Organization" },
  { href: "/developers", label: "API" },
  { href: "/profile", label: "Profile" },
];

export function Shell({
  user,
  organizations,
  activeOrganizationId,
  children,
}: {
  user: CurrentUser;
  organizations: OrganizationChoice[];
  activeOrganizationId: string | null;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const links = user.role === "admin" ? [...LINKS, { href: "/admin", label: "Admin" }] : LINKS;
  const leave = async () => {
    await beforeLeaving();
    await signOutNow();
    forgetApiToken();
    // A full navigation: no cached page data outlives the session, and no refresh of the
    // protected page races the redirect (which would land on /sign-in?next=...).
    window.location.replace("/sign-in");
  };
  return (
    <UserContext.Provider value={user}>
      <div className="min-h-screen">
        {user.impersonatedBy && <ImpersonationBanner user={user} />}
        <header className="sticky top-0 z-30 border-b border-line bg-white/90 backdrop-blur dark:bg-neutral-950/90">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
            <Link href="/dashboard" className="mr-auto font-semibold md:mr-0">
              Platform
            </Link>
            <nav
              aria-label="Main"
              className="order-last -mx-1 flex w-full flex-wrap gap-1 md:order-none md:mx-0 md:w-auto md:flex-1 md:flex-nowrap"
            >
              {links.map((link) => {
                const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
                return (
                  <Link
                    key={link.href}
                    href={link.href}
                    aria-current={active ? "page" : undefined}
                    className={`whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm ${
                      active
                        ? "bg-subtle font-medium text-neutral-900 dark:text-white"
                        : "text-muted hover:text-neutral-900 dark:hover:text-white"
                    }`}
                  >
                    {link.label}
                  </Link>
                );
              })}
            </nav>
            <OrganizationSwitcher organizations={organizations} activeId={activeOrganizationId} />
            <ThemeToggle />
            <div data-testid="signed-in-as" className="min-w-0 max-w-28 text-right text-xs sm:max-w-48">
              <p className="truncate font-medium" title={user.name}>
                {user.name}
              </p>
              <p className="hidden truncate text-muted sm:block">{user.email}</p>
            </div>
            <button
              type="button"
              onClick={leave}
              className="rounded-md px-2.5 py-1.5 text-sm text-neutral-600 hover:bg-subtle dark:text-neutral-300"
            >
              Sign out
            </button>
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      </div>
    </UserContext.Provider>
  );
}
