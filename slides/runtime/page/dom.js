// What the page's own elements share: their CSS goes into <head> (the theme's rules are scoped to the
// slides), and a status element is a live region that assistive technology reads when it changes.

/** @param {string} css */
export function addStyle(css) {
  const style = document.createElement('style')
  style.textContent = css
  document.head.append(style)
}

/** @param {string} tag */
export function statusElement(tag = 'div') {
  const element = document.createElement(tag)
  element.setAttribute('role', 'status')
  return element
}
