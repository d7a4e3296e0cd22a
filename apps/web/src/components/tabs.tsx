"use client";
// Tabs between the pages of one section (profile, admin): links, the current one marked.
import { usePathname } from "next/navigation";
import { Link } from "~/components/ui/link";

export interface Tab {
  href: string;
  label: string;
}

/** `exact`: a tab is current on its own path only; otherwise on the pages under it too. */
export function Tabs({ label, tabs, exact = true }: { label: string; tabs: readonly Tab[]; exact?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex gap-1 overflow-x-auto border-b border-line">
      {tabs.map((tab) => {
        const active = pathname === tab.href || (!exact && pathname.startsWith(`${tab.href}/`));
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
              active
                ? "border-indigo-600 text-link"
                : "border-transparent text-muted hover:text-neutral-900 dark:hover:text-neutral-100"
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
