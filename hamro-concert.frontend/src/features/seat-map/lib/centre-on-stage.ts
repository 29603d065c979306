/** On narrow screens the venue is wider than the view: start with the stage in the middle. */
export function centreOnStage(scroller: HTMLDivElement | null) {
  if (scroller) scroller.scrollLeft = (scroller.scrollWidth - scroller.clientWidth) / 2;
}
