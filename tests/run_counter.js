// Browser init script: follows Streamlit's script runs on the websocket. Explained in
// tests/conftest.py (RUN_COUNTER), which adds it to the test pages; bench/bench_browser.py
// uses it too.
(() => {
  window.__stRuns = 0;
  window.__stAsked = 0;
  window.__stBusy = false;
  window.__stEnd = 0;
  window.__stDoc = Math.random();
  const varint = (b, i) => {
    let v = 0, s = 1, x;
    do { x = b[i++]; v += (x & 0x7f) * s; s *= 128; } while (x & 0x80 && i < b.length);
    return [v, i];
  };
  // [field, value] of a message's top-level fields (a length-delimited value: its length)
  const fields = (data) => {
    const b = data instanceof ArrayBuffer ? new Uint8Array(data)
      : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : null;
    const out = [];
    let i = 0;
    while (b && i < b.length) {
      let key, v;
      [key, i] = varint(b, i);
      const wire = key & 7;
      if (wire === 0) [v, i] = varint(b, i);
      else if (wire === 2) { [v, i] = varint(b, i); i += v; }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else break;
      out.push([Math.floor(key / 8), v]);
    }
    return out;
  };
  const Native = window.WebSocket;
  class Watched extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        for (const [f, v] of fields(e.data)) {
          if (f === 4) window.__stBusy = true;
          if (f === 6 && v !== 2) {
            window.__stBusy = false;
            window.__stRuns += 1;
            window.__stEnd = performance.now();
          }
        }
      });
      this.addEventListener('close', () => { window.__stBusy = false; });
    }
    send(data) {
      if (fields(data).some(([f]) => f === 11)) {
        window.__stAsked += 1;
        window.__stBusy = true;
      }
      return super.send(data);
    }
  }
  window.WebSocket = Watched;
})();
