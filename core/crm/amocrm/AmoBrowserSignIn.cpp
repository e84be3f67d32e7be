// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoBrowserSignIn.h"

#include "common/Clock.h"
#include "net/HttpClient.h"
#include "secrets/SecretStore.h"

#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace Crm::AmoCrm {

using Common::Error;

namespace {

constexpr qsizetype kMaxRequestBytes = 16 * 1024;

QString randomState()
{
    QByteArray raw(16, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

QByteArray page(int status, const QString &title, const QString &text)
{
    const QByteArray html
        = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                         "<body style=\"font-family:sans-serif;margin:3em\"><h1>%1</h1><p>%2</p>"
                         "</body></html>")
              .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
              .toUtf8();
    const QByteArray reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n"
          "Content-Length: "
        + QByteArray::number(html.size()) + "\r\n\r\n" + html;
}

void reply(QTcpSocket *socket, const QByteArray &bytes)
{
    if (!socket)
        return;
    socket->write(bytes);
    socket->disconnectFromHost();
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

} // namespace

AmoBrowserSignIn::AmoBrowserSignIn(Net::HttpClient *client, std::shared_ptr<Secrets::SecretStore> secrets,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_secrets(std::move(secrets))
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (m_state != State::WaitingForBrowser)
            return;
        m_secondsLeft = qMax(0, m_secondsLeft - 1);
        Q_EMIT statusChanged(m_state, m_secondsLeft);
        if (m_secondsLeft == 0)
            fail(Error::transient(tr("No answer from the browser in time; start the sign-in again"),
                                  QStringLiteral("timeout")));
    });
}

AmoBrowserSignIn::~AmoBrowserSignIn()
{
    stopListening();
}

QString AmoBrowserSignIn::stateName(State state)
{
    switch (state) {
    case State::Idle:
        return QStringLiteral("idle");
    case State::WaitingForBrowser:
        return QStringLiteral("waiting-for-browser");
    case State::Exchanging:
        return QStringLiteral("exchanging");
    case State::SignedIn:
        return QStringLiteral("signed-in");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

void AmoBrowserSignIn::setState(State state)
{
    m_state = state;
    Q_EMIT statusChanged(state, state == State::WaitingForBrowser ? m_secondsLeft : 0);
}

Common::Status AmoBrowserSignIn::start(const Config &config)
{
    if (isRunning())
        return Error::invalidInput(tr("A sign-in is already running; finish or cancel it first"),
                                   QStringLiteral("busy"));
    const QUrl redirect(config.integration.redirectUri);
    const QString host = redirect.host();
    if (redirect.scheme() != QLatin1String("http") || redirect.port() <= 0
        || (host != QLatin1String("127.0.0.1") && host != QLatin1String("localhost")))
        return Error::invalidInput(tr("The browser sign-in needs a loopback redirect URI such as "
                                      "http://127.0.0.1:8787/callback registered in the integration; "
                                      "otherwise paste the authorization code"),
                                   QStringLiteral("redirect-not-loopback"));
    stopListening();
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, quint16(redirect.port()))) {
        const QString why = m_server->errorString();
        stopListening();
        return Error::unavailable(
            tr("Cannot listen on %1 for the browser's answer: %2").arg(redirect.toString(), why),
            QStringLiteral("listen"));
    }
    connect(m_server, &QTcpServer::newConnection, this, &AmoBrowserSignIn::onConnection);
    ++m_generation;
    m_config = config;
    m_reason.clear();
    m_expectedState = randomState();
    m_authorizeUrl = AmoAuth::authorizeUrl(config.integration.baseUrl, config.integration.clientId,
                                           m_expectedState, config.mode);
    m_secondsLeft = qMax(1, config.timeoutSecs);
    m_tick.start();
    setState(State::WaitingForBrowser);
    Q_EMIT authorizeUrlReady(m_authorizeUrl);
    return {};
}

Common::Status AmoBrowserSignIn::submitPasted(const Config &config, const QString &pasted)
{
    if (isRunning())
        return Error::invalidInput(tr("A sign-in is already running; finish or cancel it first"),
                                   QStringLiteral("busy"));
    auto auth = AmoAuth::parsePasted(pasted);
    if (!auth)
        return auth.error();
    ++m_generation;
    m_config = config;
    m_reason.clear();
    exchange(auth.value());
    return {};
}

Common::Status AmoBrowserSignIn::submitLongLivedToken(const Config &config, const QString &token)
{
    if (isRunning())
        return Error::invalidInput(tr("A sign-in is already running; finish or cancel it first"),
                                   QStringLiteral("busy"));
    if (token.trimmed().isEmpty())
        return Error::invalidInput(tr("The long-lived token is empty"));
    ++m_generation;
    m_config = config;
    m_reason.clear();
    setState(State::Exchanging);
    const AmoTokenSet tokens
        = AmoTokenSet::longLived(token, config.integration.baseUrl.toString(QUrl::StripTrailingSlash),
                                 Common::Clock::system()->nowMs());
    const quint64 generation = m_generation;
    saveTokens(
        *m_secrets, config.connectionId, tokens,
        [this, tokens, generation](Common::Status saved) {
            if (generation != m_generation)
                return;
            if (!saved)
                fail(saved.error());
            else
                succeed(tokens);
        },
        m_expiryStore);
    return {};
}

void AmoBrowserSignIn::cancel()
{
    if (!isRunning())
        return;
    ++m_generation;
    fail(Error::invalidInput(tr("The sign-in was cancelled"), QStringLiteral("cancelled")));
}

void AmoBrowserSignIn::onConnection()
{
    while (QTcpSocket *socket = m_server ? m_server->nextPendingConnection() : nullptr) {
        // Ours, not the server's: the answer page must outlive the listener, which closes first.
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (socket->property("handled").toBool())
                return;
            const QByteArray head = socket->peek(kMaxRequestBytes);
            if (!head.contains("\r\n\r\n") && head.size() < kMaxRequestBytes)
                return;
            socket->setProperty("handled", true);
            onRequest(socket);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void AmoBrowserSignIn::onRequest(QTcpSocket *socket)
{
    const QByteArray head = socket->readAll();
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    const QString expectedPath = QUrl(m_config.integration.redirectUri).path();
    if (requestLine.value(0) != "GET"
        || target.path() != (expectedPath.isEmpty() ? QStringLiteral("/") : expectedPath)) {
        reply(socket, page(404, tr("Not found"), tr("This address only takes amoCRM's sign-in answer.")));
        return;
    }
    if (m_state != State::WaitingForBrowser || m_browser) {
        reply(socket, page(400, tr("No sign-in is waiting"), tr("Start the sign-in again in CRM Bridge.")));
        return;
    }
    const QUrlQuery query(target);
    m_browser = socket;
    if (query.queryItemValue(QStringLiteral("error")) == QLatin1String("access_denied")) {
        fail(Error::auth(tr("Access was declined in amoCRM"), QStringLiteral("declined")));
        return;
    }
    if (query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded) != m_expectedState) {
        fail(Error::auth(tr("The browser's answer does not belong to this sign-in (state mismatch); it was "
                            "ignored. Start the sign-in again."),
                         QStringLiteral("state-mismatch")));
        return;
    }
    PastedAuth auth;
    auth.code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    auth.referer = query.queryItemValue(QStringLiteral("referer"), QUrl::FullyDecoded);
    auth.state = m_expectedState;
    if (auth.code.isEmpty()) {
        fail(Error::auth(tr("amoCRM's answer carried no authorization code"), QStringLiteral("no-code")));
        return;
    }
    exchange(auth);
}

void AmoBrowserSignIn::exchange(const PastedAuth &auth)
{
    m_tick.stop();
    setState(State::Exchanging);
    auto base = AmoAuth::baseUrlFromReferer(auth.referer, m_config.integration.baseUrl);
    if (!base) {
        fail(base.error());
        return;
    }
    const quint64 generation = m_generation;
    QPointer<AmoBrowserSignIn> self(this);
    AmoAuth::exchangeCode(*m_client, m_config.integration, base.value(), m_config.clientSecret, auth.code,
                          Common::Clock::system()->nowMs(),
                          [self, generation](Common::Result<AmoTokenSet> tokens) {
                              if (!self || generation != self->m_generation)
                                  return;
                              if (!tokens) {
                                  self->fail(tokens.error());
                                  return;
                              }
                              // Stored before anyone may use them (the session reads them from the
                              // SecretStore).
                              const AmoTokenSet set = tokens.value();
                              saveTokens(
                                  *self->m_secrets, self->m_config.connectionId, set,
                                  [self, set, generation](Common::Status saved) {
                                      if (!self || generation != self->m_generation)
                                          return;
                                      if (!saved)
                                          self->fail(saved.error());
                                      else
                                          self->succeed(set);
                                  },
                                  self->m_expiryStore);
                          });
}

void AmoBrowserSignIn::fail(const Common::Error &error)
{
    m_tick.stop();
    m_reason = error.message;
    answerBrowser(false, error.message);
    stopListening();
    setState(State::Failed);
    Q_EMIT finished(error);
}

void AmoBrowserSignIn::succeed(const AmoTokenSet &tokens)
{
    answerBrowser(true, {});
    stopListening();
    setState(State::SignedIn);
    Q_EMIT finished(tokens);
}

void AmoBrowserSignIn::answerBrowser(bool ok, const QString &detail)
{
    if (!m_browser)
        return;
    ++m_answering;
    connect(m_browser.data(), &QObject::destroyed, this, [this] {
        if (--m_answering == 0)
            Q_EMIT browserAnswered();
    });
    if (ok)
        reply(m_browser,
              page(200, tr("Signed in"), tr("CRM Bridge is signed in to amoCRM — you can close this tab.")));
    else
        reply(m_browser, page(400, tr("Sign-in failed"), detail));
    m_browser.clear();
}

void AmoBrowserSignIn::stopListening()
{
    if (!m_server)
        return;
    m_server->close();
    m_server->deleteLater();
    m_server = nullptr;
}

} // namespace Crm::AmoCrm
