"use client";
// Hands the organization to another member: they become owner, then you become admin.
import { useState } from "react";
import { organization } from "~/auth/organizations";
import { Button } from "~/components/ui/button";
import { useConfirm } from "~/components/ui/confirm";
import { Select } from "~/components/ui/field";
import { useUser } from "~/components/user";
import { useAllMembers } from "~/trpc/lists";
import { useOrgAction } from "./use-org-action";

export function TransferOwnership({ organizationId }: { organizationId: string }) {
  const ask = useConfirm();
  const me = useUser();
  const members = useAllMembers().items;
  const self = members.find((member) => member.email === me.email);
  const others = members.filter((member) => member.email !== me.email);
  const [target, setTarget] = useState("");
  const { run, busy } = useOrgAction();
  if (!self || others.length === 0) return null;

  const transfer = async (event: React.FormEvent) => {
    event.preventDefault();
    const heir = others.find((member) => member.id === target);
    if (!heir) return;
    const body = "You stay as an admin.";
    if (!(await ask({ title: `Make ${heir.name} the owner?`, body, action: "Transfer ownership" }))) return;
    const promoted = await run("transfer", () =>
      organization.updateMemberRole({ memberId: heir.id, role: "owner", organizationId }),
    );
    if (promoted) {
      await run(
        "transfer",
        () => organization.updateMemberRole({ memberId: self.id, role: "admin", organizationId }),
        `${heir.name} owns the organization now`,
      );
    }
  };

  return (
    <form onSubmit={transfer} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
      <Select label="Transfer ownership to" value={target} onChange={(event) => setTarget(event.target.value)}>
        <option value="">Choose a member</option>
        {others.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name} ({member.email})
          </option>
        ))}
      </Select>
      <Button type="submit" variant="secondary" disabled={!target} loading={busy === "transfer"}>
        Transfer
      </Button>
    </form>
  );
}
