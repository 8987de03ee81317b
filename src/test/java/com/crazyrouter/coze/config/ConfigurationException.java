package com.crazyrouter.coze.config;

/** A setting is missing or wrong. The message names the setting and says how to set it. */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
