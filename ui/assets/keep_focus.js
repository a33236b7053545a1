// Keeps keyboard focus on a Next / Previous button across the redraw it causes.
// Those buttons are new widgets on each screen (so a press the browser sends for a
// screen already left is dropped), which means the focused button is replaced: find
// the button with the same label in the same navigation box and focus it again.
(() => {
  const doc = window.parent && window.parent.document ? window.parent.document : document;
  if (doc.__icpKeepFocus) return;
  doc.__icpKeepFocus = true;
  const PREFIX = 'st-key-icp-nav';
  let last = null; // {box, label, el}: the navigation button that has focus
  const boxOf = (el) => {
    const box = el.closest('[class*="' + PREFIX + '"]');
    return box ? [...box.classList].find((c) => c.startsWith(PREFIX)) : null;
  };
  doc.addEventListener('focusin', (e) => {
    const el = e.target;
    const box = el && el.tagName === 'BUTTON' ? boxOf(el) : null;
    last = box ? { box, label: el.innerText.trim(), el } : null;
  });
  new MutationObserver(() => {
    if (!last || last.el.isConnected) return;
    const active = doc.activeElement;
    if (active && active !== doc.body) { last = null; return; }
    const again = [...doc.querySelectorAll('.' + last.box + ' button')]
      .find((b) => b.innerText.trim() === last.label && !b.disabled);
    if (again) again.focus();
  }).observe(doc.body, { childList: true, subtree: true });
})();
