// Preloaded into the Astro child of src/cli/astro.mjs (`node --require`): when the wrapper dies
// without telling it (SIGKILL, a crashed terminal), the child is re-parented and would go on
// building into a work folder the next build has already removed. It checks its parent twice a
// second and stops at once when the parent is gone.
'use strict';
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
}, 500).unref();
