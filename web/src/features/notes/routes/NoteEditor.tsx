export function NoteEditor() {
  return <h1>NoteEditor</h1>;
}
