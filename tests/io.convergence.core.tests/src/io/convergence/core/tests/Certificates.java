package io.convergence.core.tests;

/** A self-signed certificate for tests ("CN=Test Server", valid for a century), base64 DER. */
final class Certificates {

    static final String PEM = """
        MIIDMTCCAhmgAwIBAgIJANM3hqnqtDNTMA0GCSqGSIb3DQEBDAUAMDIxGjAYBgNV
        BAoTEUNvbnZlcmdlbmNlIFRlc3RzMRQwEgYDVQQDEwtUZXN0IFNlcnZlcjAgFw0y
        NjEyMDYxMzMzNDNaGA8yMTI2MTExMjEzMzM0M1owMjEaMBgGA1UEChMRQ29udmVy
        Z2VuY2UgVGVzdHMxFDASBgNVBAMTC1Rlc3QgU2VydmVyMIIBIjANBgkqhkiG9w0B
        AQEFAAOCAQ8AMIIBCgKCAQEAyyAnxdOG29R738Le8QiLy/UaQ7kHcVd26TQiHdPi
        pTY33kQJ7R2MPdY0XJyOKwwkQV7tLblvUe5LpAQn11mXbbqUVit/0zuML+t02IAV
        2MhA07+SP+CT9MlaDZnI/vniKszVELESKscBOBb9Ihw7SyAK5LeuWnfnf9VZplJ9
        4yZy5e++frx3MHKy8G4VnYV7iZN5JPSfxyhIsWHAaaJCw1yKGz1J50e/MOJqFkMS
        UrGUCd8g5bA2c9NZ11YbVNjX5jBol2fDm7VWVz11PACwKSiYdvFkFlbvYnCQnh1n
        uShj17n3hk+ezsyu3Uo3p2AndEjWRtS+TizBjMEUi+QkWQIDAQABo0gwRjAdBgNV
        HQ4EFgQUtyS2XFy5MfbDaIXMeMGugyK9zCEwJQYDVR0RBB4wHIYPdXJuOnRlc3Q6
        c2VydmVygglsb2NhbGhvc3QwDQYJKoZIhvcNAQEMBQADggEBADjAUCNs0wMzw4ef
        jn6HKNrU+7Ka/4Qbg6WsgZptaS7U+soaknYZP72TXiFEEtW047QuJH6EQNCGq4Le
        s41SqVCBF2kJkW8Z120fF14LurNbAV1Q9VXl6IKN1kLJXUYHMKnPw8THcNzlT62S
        Wh5YN7F9MNTjWvYZTMNlc1oP1nSlsjfdDgWTyj7aeaw+9BVPeZ0iG6dtWSM4cpqZ
        9JMUEJOl9sWoPmn6wV4a5r2N2+3P8BlTul8c3pVeCAo0Q5uH5Bjm9dnNv2Ctgn2T
        kEJg3P+KVt4Ii8KLQGHnSqbLe8epwii4LkYZjre7Hn23EfcfPPYhJq899MsX32GS
        tGh2RAk=
        """;

    private Certificates() {
    }
}
