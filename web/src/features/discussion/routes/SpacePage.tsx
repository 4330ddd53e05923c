export function SpacePage() {
  return <h1>SpacePage</h1>;
}
