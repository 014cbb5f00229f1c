// The 回执 signature pad: the tenant signs with a finger on the engineer's phone. The
// drawing is sent with the form as a PNG (data URL); the server records the name and time.
(function () {
  var canvas = document.getElementById('signature-pad');
  if (!canvas) return;
  var form = canvas.closest('form');
  var field = document.getElementById('signature-data');
  var error = document.getElementById('signature-error');
  var context = canvas.getContext('2d');
  var inked = false, last = null;

  function fit() {  // device pixels, so the line stays sharp on a phone's screen
    var ratio = window.devicePixelRatio || 1, box = canvas.getBoundingClientRect();
    canvas.width = Math.round(box.width * ratio);
    canvas.height = Math.round(box.height * ratio);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.lineWidth = 2.5;
    context.lineCap = context.lineJoin = 'round';
    context.strokeStyle = context.fillStyle = '#111';
    inked = false;
  }

  function at(event) {
    var box = canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  canvas.addEventListener('pointerdown', function (event) {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    last = at(event);
    context.beginPath();
    context.arc(last.x, last.y, context.lineWidth / 2, 0, 2 * Math.PI);
    context.fill();
    inked = true;
    error.hidden = true;
  });
  canvas.addEventListener('pointermove', function (event) {
    if (!last) return;
    event.preventDefault();
    var point = at(event);
    context.beginPath();
    context.moveTo(last.x, last.y);
    context.lineTo(point.x, point.y);
    context.stroke();
    last = point;
  });
  ['pointerup', 'pointercancel'].forEach(function (type) {
    canvas.addEventListener(type, function () { last = null; });
  });
  document.getElementById('signature-clear').addEventListener('click', function () {
    context.clearRect(0, 0, canvas.width, canvas.height);
    inked = false;
  });
  form.addEventListener('submit', function (event) {
    if (!inked) {
      event.preventDefault();
      error.hidden = false;
      return;
    }
    field.value = canvas.toDataURL('image/png');
  });
  window.addEventListener('resize', function () { if (!inked) fit(); });  // turned sideways before signing
  fit();
})();
