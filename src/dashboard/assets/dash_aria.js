/* Repairs to the accessibility of Dash 4's own components (dash 4.4.1), made on the page
   as they are drawn, since their markup cannot be changed from Python. Each breaks a
   WCAG 2.1 rule that axe-core checks (rule ids in brackets):

   - Dropdown: Tab reaches a hidden "focus target" input (aria-hidden, tabindex 0) that
     hands focus to the real button, which has tabindex -1 [aria-hidden-focus]; the
     button is named by its value only, overriding the visible label [label]. Here the
     hidden input leaves the Tab order, the button joins it, and the button is named by
     its label followed by its value ("Indikator Medellivslängd vid födelsen").
   - Dropdown options, RadioItems and Checklist: a role=listbox whose role=option labels
     wrap real radio buttons or checkboxes [nested-interactive], with no name
     [aria-input-field-name]. Here the list becomes a named radiogroup (or group) of its
     native inputs, which keep their own names and keys.
   - Slider: its thumb (role=slider) has no name [aria-input-field-name]; here it is named
     by the control's label.
   - Upload: the file input has no name [label]; here it takes the words of its drop box.

   The control's label is the first <label> of its `.control` wrapper (app/components.py,
   app/layout.py); it is given an id when it has none. */
(function () {
  var count = 0;

  function labelOf(element) {
    var control = element.closest('.control');
    var label = control && control.querySelector('label:not(.dash-options-list-option)');
    if (!label) { return null; }
    if (!label.id) { label.id = (control.id || 'control-' + (count += 1)) + '-label'; }
    return label;
  }

  function set(element, name, value) {
    if (element.getAttribute(name) !== value) { element.setAttribute(name, value); }
  }

  function nameBy(element, extra) {
    var label = labelOf(element);
    if (label) { set(element, 'aria-labelledby', label.id + (extra ? ' ' + extra : '')); }
  }

  function repair() {
    document.querySelectorAll('.dash-dropdown-focus-target').forEach(function (input) {
      set(input, 'tabindex', '-1');
    });
    document.querySelectorAll('button.dash-dropdown').forEach(function (button) {
      set(button, 'tabindex', '0');
      if (button.id) { nameBy(button, button.id); }
    });
    document.querySelectorAll('.dash-options-list').forEach(function (list) {
      var radios = list.classList.contains('dash-radioitems') ||
        list.querySelector('input[type=radio]') !== null;
      set(list, 'role', radios ? 'radiogroup' : 'group');
      nameBy(list);
    });
    document.querySelectorAll('.dash-options-list-option[role], ' +
                              '.dash-options-list-option[aria-selected]').forEach(
      function (option) {
        option.removeAttribute('role');
        option.removeAttribute('aria-selected');
      });
    document.querySelectorAll('.dash-slider-thumb[role=slider]').forEach(function (thumb) {
      nameBy(thumb);
    });
    document.querySelectorAll('.upload-box input[type=file]').forEach(function (input) {
      set(input, 'aria-label', input.closest('.upload-box').innerText.trim());
    });
  }

  new MutationObserver(repair).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true,
    attributeFilter: ['tabindex', 'role', 'aria-selected', 'aria-labelledby']
  });
  repair();
}());
