"use client";
// Runs a Better Auth organization call, then refreshes the lists and says how it went.
import { useState } from "react";
import { failure } from "~/auth/organizations";
import { useToast } from "~/components/ui/toast";
import { api } from "~/trpc/react";

type Result = { error: { message?: string; statusText?: string } | null };

export function useOrgAction() {
  const toast = useToast();
  const utils = api.useUtils();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (label: string, call: () => Promise<Result>, done?: string): Promise<boolean> => {
    setBusy(label);
    try {
      const problem = failure(await call());
      if (problem) {
        toast.error(new Error(problem));
        return false;
      }
      await Promise.all([
        utils.members.list.invalidate(),
        utils.invitations.list.invalidate(),
        utils.teams.list.invalidate(),
        utils.organization.current.invalidate(),
      ]);
      if (done) toast.success(done);
      return true;
    } finally {
      setBusy(null);
    }
  };
  return { run, busy };
}
