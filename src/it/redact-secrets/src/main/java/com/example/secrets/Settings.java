package com.example.secrets;
public class Settings {
    static final String AWS_KEY_ID = "AKIAZ7CANARYAWS00001";
    static final String SESSION_KEY_ID = "ASIAZ7CANARYAWS00002";
    static final String DB_PASSWORD = "canary-pw-Hunter2";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnktand0In0.c2lnLWNhbmFyeS1qd3QtMDAx";
    static final String DB_URL = "postgres://shop:canaryUrlPw7@db.internal:5432/shop";
    static final String SIGNING_SALT = "Qx7vT2mL9pR4sW8zK1nCanaryB6cY3";
    static final String GITHUB = "ghp_canary0123456789abcdefghijklmnopqrstu";

    /** The database's user: not a secret, kept as written. */
    static final String DB_USER = "shop";
}
