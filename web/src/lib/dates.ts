/** Today's date as YYYY-MM-DD in Tokyo, the calendar the rules are decided in. */
export function today(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
