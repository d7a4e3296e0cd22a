"use client";
// Two-factor authentication: turn on (password, QR code, confirmation code, then
// backup codes shown once), regenerate backup codes, turn off (password).
import QRCode from "qrcode";
import { type FormEvent, useState } from "react";
import { authClient, useSession } from "~/auth/client";
import { Button } from "~/components/ui/button";
import { Dialog } from "~/components/ui/dialog";
import { Field } from "~/components/ui/field";
import { Card, Skeleton } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { authErrorMessage } from "~/lib/use-form";
import { BackupCodes } from "./backup-codes";
import { PasswordStep } from "./password-step";

type Step =
  | { name: "closed" }
  | { name: "password"; purpose: "enable" | "disable" | "regenerate" }
  | { name: "scan"; uri: string; qr: string; backupCodes: string[] }
  | { name: "codes"; backupCodes: string[] };

const TITLES = {
  enable: "Turn on two-factor authentication",
  disable: "Turn off two-factor authentication",
  regenerate: "New backup codes",
};

export function TwoFactor() {
  const session = useSession();
  const toast = useToast();
  const [step, setStep] = useState<Step>({ name: "closed" });
  const enabled = Boolean((session.data?.user as { twoFactorEnabled?: boolean } | undefined)?.twoFactorEnabled);
  const close = () => setStep({ name: "closed" });

  async function withPassword(purpose: "enable" | "disable" | "regenerate", password: string): Promise<string | null> {
    if (purpose === "enable") {
      const { data, error } = await authClient.twoFactor.enable({ password });
      if (error || !data || data.method !== "totp") return authErrorMessage(error);
      const qr = await QRCode.toDataURL(data.totpURI, { margin: 1, width: 200 });
      setStep({ name: "scan", uri: data.totpURI, qr, backupCodes: data.backupCodes });
      return null;
    }
    if (purpose === "regenerate") {
      const { data, error } = await authClient.twoFactor.generateBackupCodes({ password });
      if (error || !data) return authErrorMessage(error);
      setStep({ name: "codes", backupCodes: data.backupCodes });
      return null;
    }
    const { error } = await authClient.twoFactor.disable({ password });
    if (error) return authErrorMessage(error);
    close();
    toast.success("Two-factor authentication is off");
    await session.refetch();
    return null;
  }

  const title =
    step.name === "password" ? TITLES[step.purpose] : step.name === "codes" ? "Your backup codes" : "Scan the QR code";

  return (
    <Card
      title="Two-factor authentication"
      action={
        session.data && (
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${enabled ? "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300" : "bg-subtle text-soft"}`}
          >
            {enabled ? "On" : "Off"}
          </span>
        )
      }
    >
      {!session.data ? (
        <Skeleton className="h-10 w-full" />
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-soft">
            {enabled
              ? "Signing in asks for a code from your authenticator app after your password."
              : "Add a second step to signing in: a code from an authenticator app such as 1Password, Authy or Google Authenticator."}
          </p>
          <div className="flex flex-wrap gap-2">
            {enabled ? (
              <>
                <Button variant="secondary" onClick={() => setStep({ name: "password", purpose: "regenerate" })}>
                  New backup codes
                </Button>
                <Button variant="secondary" onClick={() => setStep({ name: "password", purpose: "disable" })}>
                  Turn off
                </Button>
              </>
            ) : (
              <Button onClick={() => setStep({ name: "password", purpose: "enable" })}>Turn on</Button>
            )}
          </div>
        </div>
      )}
      <Dialog open={step.name !== "closed"} onClose={close} title={title}>
        {step.name === "password" && (
          <PasswordStep
            action={step.purpose === "disable" ? "Turn off" : "Continue"}
            variant={step.purpose === "disable" ? "danger" : "primary"}
            onSubmit={(password) => withPassword(step.purpose, password)}
            onCancel={close}
          />
        )}
        {step.name === "scan" && (
          <ConfirmCode
            step={step}
            onConfirmed={async () => {
              setStep({ name: "codes", backupCodes: step.backupCodes });
              await session.refetch();
            }}
            onCancel={close}
          />
        )}
        {step.name === "codes" && (
          <BackupCodes
            codes={step.backupCodes}
            onDone={() => {
              close();
              toast.success("Two-factor authentication is on");
            }}
          />
        )}
      </Dialog>
    </Card>
  );
}

function ConfirmCode({
  step,
  onConfirmed,
  onCancel,
}: {
  step: { uri: string; qr: string };
  onConfirmed: () => Promise<void>;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const secret = new URL(step.uri).searchParams.get("secret") ?? "";
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s+/g, "");
    if (!/^\d{6}$/.test(code)) return setError("Enter the 6-digit code from your app");
    setPending(true);
    const { error } = await authClient.twoFactor.verifyTotp({ code });
    setPending(false);
    if (error) return setError(authErrorMessage(error));
    await onConfirmed();
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-soft">
        Scan this code with your authenticator app, then enter the 6-digit code it shows.
      </p>
      <img src={step.qr} alt="QR code for your authenticator app" width={200} height={200} className="self-center" />
      <p className="text-sm text-soft">
        Cannot scan? Enter this key:{" "}
        <code data-testid="totp-secret" className="break-all rounded bg-subtle px-1 font-mono">
          {secret}
        </code>
      </p>
      <Field
        label="Code from the app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={error}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          Turn on
        </Button>
      </div>
    </form>
  );
}
