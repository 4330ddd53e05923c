export function MyContributions() {
  return <h1>MyContributions</h1>;
}
