// Photos before and after the work, from the phone's camera. A camera photo is 3-12 MB;
// it is scaled here to at most 1600 px on its long side and sent as a JPEG (~200-400 KB),
// as soon as it is taken. Without this script the form still works with its button.
(function () {
  var LONG_SIDE = 1600, QUALITY = 0.85;

  function shrink(file) {
    return createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bitmap) {
      var scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      var context = canvas.getContext('2d');
      context.fillStyle = '#fff';  // a transparent PNG would turn black as a JPEG
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', QUALITY); });
    });
  }

  document.querySelectorAll('form.photo-upload').forEach(function (form) {
    var input = form.querySelector('input[type=file]');
    form.querySelector('.photo-send').hidden = true;
    input.addEventListener('change', function () {
      var file = input.files[0];
      if (!file) return;
      form.classList.add('busy');
      shrink(file).then(function (blob) {
        var files = new DataTransfer();
        files.items.add(new File([blob], 'photo.jpg', { type: 'image/jpeg' }));
        input.files = files.files;
      }).catch(function () {
        // Not an image the browser can read: sent as it is, and the server says why not.
      }).then(function () { form.submit(); });
    });
  });
})();
