//! HTTPS for the fakes: a throwaway CA, a certificate it signs for the host a fake stands in for
//! (`discord.com`), and an axum listener that does the TLS handshake. It knows nothing of any
//! API; the fakes own their routes.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

/// A CA made for one fake, and the server side of TLS for `host`, signed by it.
pub struct FakeTls {
    /// The CA certificate, PEM: what a client must trust to reach the fake.
    pub ca_pem: String,
    acceptor: TlsAcceptor,
}

impl FakeTls {
    /// A new CA and a certificate for `host` (an exact DNS name, no wildcard).
    pub fn for_host(host: &str) -> Self {
        let ca_key = KeyPair::generate().expect("a CA key");
        let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(DnType::CommonName, format!("MailPing tests: fake {host}"));
        let ca_cert = ca.self_signed(&ca_key).expect("a self-signed CA");

        let key = KeyPair::generate().expect("a server key");
        let cert = CertificateParams::new(vec![host.to_owned()])
            .expect("server certificate parameters")
            .signed_by(&key, &ca_cert, &ca_key)
            .expect("a certificate signed by the CA");

        let chain = vec![CertificateDer::from(cert.der().to_vec())];
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .expect("the server certificate");
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        FakeTls {
            ca_pem: ca_cert.pem(),
            acceptor: TlsAcceptor::from(Arc::new(config)),
        }
    }

    /// Wraps `listener` so that axum serves HTTPS on it.
    pub fn listener(&self, listener: TcpListener) -> TlsListener {
        TlsListener {
            listener,
            acceptor: self.acceptor.clone(),
        }
    }
}

/// A TCP listener that hands axum only connections whose handshake completed; a failed
/// handshake is logged and skipped, as a real server would.
pub struct TlsListener {
    listener: TcpListener,
    acceptor: TlsAcceptor,
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let (stream, addr) = match self.listener.accept().await {
                Ok(accepted) => accepted,
                Err(e) => {
                    tracing::warn!(error = %e, "fake TLS: accept failed");
                    continue;
                }
            };
            match self.acceptor.accept(stream).await {
                Ok(tls) => return (tls, addr),
                Err(e) => tracing::warn!(error = %e, %addr, "fake TLS: handshake failed"),
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.listener.local_addr()
    }
}
