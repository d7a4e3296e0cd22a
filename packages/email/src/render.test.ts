import { describe, expect, it } from "vitest";
import { securityNoticeMail, verificationMail } from "./index";
import { renderMail } from "./render";

describe("renderMail", () => {
  it("draws the content in the branded layout, with a matching plain-text part", async () => {
    const url = "https://app.example/api/auth/verify-email?token=abc&callbackURL=%2Fdashboard";
    const mail = await renderMail(verificationMail("Ada", url));
    expect(mail.subject).toBe("Verify your email address");
    expect(mail.html).toMatch(/^<!DOCTYPE html/);
    expect(mail.html).toContain(
      'href="https://app.example/api/auth/verify-email?token=abc&amp;callbackURL=%2Fdashboard"',
    );
    expect(mail.html).toContain("max-width:560px");
    expect(mail.html).toContain(">Verify email<");
    expect(mail.text).toContain(`Verify email: ${url}`);
    expect(mail.text).toContain("Hi Ada, confirm");
    expect(mail.text).not.toContain("<");
  });

  it("escapes what people typed into the HTML part", async () => {
    const mail = await renderMail(verificationMail('<img src=x onerror="alert(1)">', "https://app.example/v"));
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.html).toContain("&lt;img src=x");
  });

  it("notices name the change and when, and link to the security page", async () => {
    const at = new Date("2026-11-27T10:20:30Z");
    const mail = await renderMail(
      securityNoticeMail(
        "Ada",
        { kind: "new-sign-in", device: "Chrome on Linux", ip: "203.0.113.9" },
        at,
        "https://app.example/profile",
      ),
    );
    expect(mail.subject).toBe("New sign-in to your account");
    expect(mail.text).toContain("Chrome on Linux (IP 203.0.113.9)");
    expect(mail.text).toContain("2026-11-27 10:20 UTC");
    expect(mail.text).toContain("Review account security: https://app.example/profile");
  });
});
