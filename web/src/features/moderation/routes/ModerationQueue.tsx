export function ModerationQueue() {
  return <h1>ModerationQueue</h1>;
}
