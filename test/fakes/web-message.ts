/** The request a web chat page makes to send a message as `userId`. */
export function webMessage(userId: string, text: string): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, text }) };
}
