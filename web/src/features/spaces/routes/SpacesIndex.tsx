export function SpacesIndex() {
  return <h1>SpacesIndex</h1>;
}
