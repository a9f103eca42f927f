/** Placeholder: filled in by its own piece of work. */
export function SimTimeline({ iccid }: { iccid: string }) {
  return (
    <p className="muted" data-iccid={iccid}>
      …
    </p>
  );
}
