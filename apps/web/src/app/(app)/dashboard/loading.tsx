// Shown at once when the dashboard is opened from another page, while the server
// settles the session and fetches the numbers.
import { Skeleton } from "~/components/ui/states";
import { DashboardSkeleton } from "./summary";

export default function DashboardLoading() {
  return (
    <div className="space-y-6">
      <div>
        <Skeleton className="h-8 w-48" />
        <Skeleton className="mt-2 h-4 w-56" />
      </div>
      <DashboardSkeleton />
    </div>
  );
}
