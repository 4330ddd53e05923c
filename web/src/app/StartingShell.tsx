/**
 * What shows while the first page's code is still loading (React Router's hydrate fallback): the
 * same header bar index.html shows before the app starts, at its final height. Without it the
 * router renders nothing for that moment, and the page went blank between the two.
 */
export function StartingShell() {
  return (
    <header className="site-header" aria-hidden="true">
      <div className="site-header-inner">
        <span className="brand">
          Convene<span className="brand-tagline">&nbsp;</span>
        </span>
      </div>
    </header>
  );
}
