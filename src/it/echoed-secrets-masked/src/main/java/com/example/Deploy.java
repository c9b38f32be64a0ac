package com.example;

/** Deployment settings (obviously fake values of real shapes). */
public final class Deploy {
    static final String PROXY_HEADER = "Authorization: Basic ZmFrZXVzZXI6ZmFrZXBhc3M=";
    static final String NETRC = "machine build.example login me password s3cr3tFakeNetrc";
    static final String DJANGO = "secret_key fakeSecretKey123";
    static final String ENV = "DB_PASS=fakeDbPass9";
    static final String SIGNING = "SIGNING_KEY: 3f9a1c2e7b8d4f6a0e1c3b5d7f9a2c4e";
    static final String DOCKER = "{\"auths\": {\"registry.example\": {\"auth\": \"ZmFrZWRvY2tlcjpmYWtlcGFzcw==\"}}}";
    static final String MASTER = "<master>{jSMOWnoPFgsHVpMvz5VrIt5kRbzGpI8u+9EF1iFQyJQ=}</master>";
    static final String SERVER = "<password>{COQLCE6DU6GtcS5P=}</password>";

    private Deploy() {}
}
