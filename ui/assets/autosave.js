// Save-while-typing for Streamlit text areas (served from the package, no CDN).
//
// st.text_area commits its value only on blur or Ctrl+Enter, so a refresh, a
// closed tab or a dead server loses what was typed.  This listener watches
// `input` events on the text areas named in `data.fields` (their st-key-…
// class -> field id) and, once typing pauses for `data.delay_ms`, sends the
// field's text to Python as a trigger value, which saves it.
//
// `data.replace` ({class: text}, applied once per `data.nonce`) puts a text
// merged on the server into a box the user may be typing in: a value set from
// Python does not reach a text area holding uncommitted edits, and its next
// commit would otherwise overwrite the merge.
const applied = new Set();
const nativeSet = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;

function replaceTexts(replace, nonce, triesLeft = 20) {
  if (!replace || !nonce || applied.has(nonce)) return;
  const boxes = Object.entries(replace).map(([cls, text]) => [
    document.querySelector(`.${cls} textarea`),
    text,
  ]);
  if (boxes.some(([el]) => !el)) {
    if (triesLeft > 0) setTimeout(() => replaceTexts(replace, nonce, triesLeft - 1), 100);
    return;
  }
  applied.add(nonce);
  for (const [el, text] of boxes) {
    nativeSet.call(el, text); // through React's own setter, so the widget takes it as typed
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

export default function (component) {
  const { data, setTriggerValue } = component;
  const fields = (data && data.fields) || {};
  const delay = (data && data.delay_ms) || 600;
  const timers = new Map(); // field id -> [timeout handle, textarea]

  const fieldOf = (el) => {
    if (!(el instanceof HTMLTextAreaElement)) return null;
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      for (const cls of node.classList) if (Object.hasOwn(fields, cls)) return fields[cls];
    }
    return null;
  };
  const send = (id, el) => {
    timers.delete(id);
    setTriggerValue("save", { field: id, text: el.value });
  };
  const cancel = (event) => {
    // Leaving the box (or Ctrl+Enter) makes Streamlit commit and save the text
    // itself; a second, late rerun from here could carry stale widget values.
    if (event.type === "keydown" && !(event.key === "Enter" && (event.ctrlKey || event.metaKey)))
      return;
    const id = fieldOf(event.target);
    const pending = id === null ? undefined : timers.get(id);
    if (pending) {
      clearTimeout(pending[0]);
      timers.delete(id);
    }
  };
  const flushAll = () => {
    for (const [id, [handle, el]] of [...timers]) {
      clearTimeout(handle);
      send(id, el);
    }
  };
  const onInput = (event) => {
    const id = fieldOf(event.target);
    if (id === null) return;
    const pending = timers.get(id);
    if (pending) clearTimeout(pending[0]);
    timers.set(id, [setTimeout(() => send(id, event.target), delay), event.target]);
  };

  document.addEventListener("input", onInput, true);
  document.addEventListener("focusout", cancel, true);
  document.addEventListener("keydown", cancel, true);
  replaceTexts(data && data.replace, data && data.nonce);
  window.addEventListener("pagehide", flushAll);
  return () => {
    document.removeEventListener("input", onInput, true);
    document.removeEventListener("focusout", cancel, true);
    document.removeEventListener("keydown", cancel, true);
    window.removeEventListener("pagehide", flushAll);
    for (const [handle] of timers.values()) clearTimeout(handle);
  };
}
