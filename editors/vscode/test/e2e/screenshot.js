'use strict';
// Takes a PNG of the code-server workbench in headless Chromium through the DevTools protocol, once
// the editor shows an error squiggle (node 24: its own fetch and WebSocket, nothing to install).
// Usage: node screenshot.js DEVTOOLS_PORT OUT.png

const fs = require('fs');

const [port, out] = process.argv.slice(2);
const deadline = Date.now() + 60000;

async function main() {
  const page = await waitFor(async () => {
    const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
    return targets.find((t) => t.type === 'page' && t.url.startsWith('http://127.0.0.1:'));
  }, 'the workbench page');
  const socket = new WebSocket(page.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error('cannot connect to the DevTools protocol'));
  });
  let next = 0;
  const pending = new Map();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    const waiting = pending.get(message.id);
    if (waiting) {
      pending.delete(message.id);
      message.error ? waiting.reject(new Error(message.error.message)) : waiting.resolve(message.result);
    }
  };
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, returnByValue: true })).result.value;

  await waitFor(() => evaluate("document.querySelectorAll('.squiggly-error').length > 0"), 'an error squiggle in the editor');
  // Let the Problems panel and the hover-free editor settle after the last layout.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const { data } = await send('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(out, Buffer.from(data, 'base64'));
  socket.close();
}

async function waitFor(probe, what) {
  for (;;) {
    try {
      const value = await probe();
      if (value) {
        return value;
      }
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

main().catch((error) => {
  console.error(`screenshot: ${error.message}`);
  process.exit(1);
});
