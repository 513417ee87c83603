// The feedback form's proof of work: registers the ALTCHA widget's PBKDF2 worker (served from this
// site), then shows the widget and puts the no-JavaScript question away. If the widget did not load,
// the question stays, so the form can always be sent.
const box = document.getElementById("f-altcha");
const sum = document.getElementById("sum-check");
const altcha = globalThis.$altcha;
if (box && sum && altcha && customElements.get("altcha-widget")) {
  const worker = () => new Worker("/phan-anh/altcha/pbkdf2-worker.js");
  for (const name of ["PBKDF2/SHA-256", "PBKDF2/SHA-384", "PBKDF2/SHA-512"]) altcha.algorithms.set(name, worker);
  box.hidden = false;
  sum.hidden = true;
  for (const input of sum.querySelectorAll("input")) input.disabled = true;
}
