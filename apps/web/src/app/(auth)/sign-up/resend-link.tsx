"use client";
// "Did not get it?": asks for another verification link. The answer is the same
// whether or not the address has an account; the auth server throttles it.
import { useState } from "react";
import { callAuth } from "~/auth/browser";
import { Button } from "~/components/ui/button";
import { authErrorMessage } from "~/lib/use-form";

export function ResendLink({ email }: { email: string }) {
  const [state, setState] = useState<{ pending: boolean; message: string | null }>({ pending: false, message: null });
  async function resend() {
    setState({ pending: true, message: null });
    const { error } = await callAuth("/send-verification-email", { email, callbackURL: "/verify-email" });
    setState({
      pending: false,
      message: error ? authErrorMessage(error) : "Sent again. Check your inbox and spam folder.",
    });
  }
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
      <span className="text-muted">Did not get it?</span>
      <Button variant="secondary" loading={state.pending} onClick={resend}>
        Resend the link
      </Button>
      {state.message && (
        <p role="status" className="w-full text-soft">
          {state.message}
        </p>
      )}
    </div>
  );
}
