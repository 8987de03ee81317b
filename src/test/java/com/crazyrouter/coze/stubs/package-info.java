/**
 * The offline gateway: the embedded WireMock serving the stub set, its fake tokens and models, and the recorder
 * that turns a live run into a redacted stub set.
 */
package com.crazyrouter.coze.stubs;
