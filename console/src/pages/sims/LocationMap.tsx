/** Placeholder: filled in by its own piece of work. */
export function LocationMap({ iccid }: { iccid: string }) {
  return (
    <p className="muted" data-iccid={iccid}>
      …
    </p>
  );
}
