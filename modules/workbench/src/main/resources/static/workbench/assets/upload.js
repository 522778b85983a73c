// Drag-and-drop onto the evidence file field: progressive — without this script the <input type=file> works as is.
(function () {
  'use strict';
  function list(zone, input) {
    var out = zone.querySelector('[data-dropzone-list]');
    if (!out) return;
    var names = [];
    for (var i = 0; i < input.files.length; i++) names.push(input.files[i].name);
    out.textContent = names.length ? '已选择：' + names.join('、') : '';
  }
  document.querySelectorAll('[data-dropzone]').forEach(function (zone) {
    var input = zone.querySelector('input[type=file]');
    if (!input) return;
    input.addEventListener('change', function () { list(zone, input); });
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (e) {
      if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        list(zone, input);
      }
    });
  });
})();
