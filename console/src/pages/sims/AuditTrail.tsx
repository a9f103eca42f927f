/** Placeholder: filled in by its own piece of work. */
export function AuditTrail({ iccid }: { iccid: string }) {
  return (
    <p className="muted" data-iccid={iccid}>
      …
    </p>
  );
}
