/**
 * Step definitions in the user's words, thin: each names in its constructor what it uses (PicoContainer), and the
 * providers and hooks that hand them the run's parts.
 */
package com.crazyrouter.coze.steps;
