export function SpaceEditor() {
  return <h1>SpaceEditor</h1>;
}
