/**
 * The ground: the guide's own lines (checklist, common errors, token practice, other checks), the two Coze routes
 * and the words for model names and an only-reply, as the scenarios and every message name them.
 */
package com.crazyrouter.coze.guide;
