// The message bar at the foot of the page (role="alert"): text only.

let timer = null;

export function show(message, isError) {
  const box = document.querySelector('#message');
  box.textContent = message;
  box.className = 'message show' + (isError ? ' error' : '');
  clearTimeout(timer);
  timer = setTimeout(() => { box.className = 'message'; }, isError ? 8000 : 4000);
}
