export function NotesList() {
  return <h1>NotesList</h1>;
}
