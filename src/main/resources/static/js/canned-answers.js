// The helpdesk's ready answers: choosing one fills the answer, which stays editable. Without JavaScript, the chosen
// one is sent when the answer is left empty.
(function () {
  var select = document.getElementById('canned');
  var answer = document.getElementById('message');
  if (!select || !answer) {
    return;
  }
  select.addEventListener('change', function () {
    var option = select.options[select.selectedIndex];
    var text = option && option.getAttribute('data-text');
    if (text) {
      answer.value = text;
      answer.focus();
    }
  });
})();
