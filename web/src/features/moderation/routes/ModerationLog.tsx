export function ModerationLog() {
  return <h1>ModerationLog</h1>;
}
