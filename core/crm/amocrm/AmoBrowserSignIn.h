// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoAuth.h"
#include "AmoTokens.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace Secrets {
class SecretStore;
}
namespace Net {
class HttpClient;
}
namespace Storage {
class Database;
}

namespace Crm::AmoCrm {

/**
 * Signing in to amoCRM: the browser flow as a small state machine (idle → waiting-for-browser →
 * exchanging → signed-in | failed), plus the code-paste path that ends the same way.
 *
 * start() builds the authorize URL and emits authorizeUrlReady for the front end to open (the desktop
 * app with QDesktopServices, crmbridgectl by printing it and xdg-open); a loopback listener at the
 * registered redirect URI (http://127.0.0.1:PORT/PATH) takes the browser's redirect, checks `state`,
 * exchanges `code` at the account named by `referer`, stores the pair in the SecretStore, and answers
 * the browser with a short translated page. statusChanged ticks once a second while waiting.
 * Lives on the thread that created it (GUI or crmbridgectl main thread); owned by its creator.
 */
class AmoBrowserSignIn : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, WaitingForBrowser, Exchanging, SignedIn, Failed };
    Q_ENUM(State)

    struct Config
    {
        qint64 connectionId = 0;
        AmoIntegration integration;
        QString clientSecret;
        QString mode = QStringLiteral("post_message");
        int timeoutSecs = 300;
    };

    AmoBrowserSignIn(Net::HttpClient *client, std::shared_ptr<Secrets::SecretStore> secrets,
                     QObject *parent = nullptr);
    ~AmoBrowserSignIn() override;

    /** Where the stored credential's expiry (no secret) is recorded for the token-expiry displays. */
    void setExpiryStore(std::shared_ptr<Storage::Database> db) { m_expiryStore = std::move(db); }

    /** Starts the browser flow; refused (InvalidInput "busy") while a sign-in runs. */
    Common::Status start(const Config &config);
    /** Exchanges a pasted code or redirect URL; refused while a sign-in runs. */
    Common::Status submitPasted(const Config &config, const QString &pasted);
    /** Stores a pasted long-lived token (checked by the caller with a test call); refused while busy. */
    Common::Status submitLongLivedToken(const Config &config, const QString &token);
    /** Stops whatever runs; Failed("cancelled"). Harmless in Idle and the end states. */
    void cancel();

    State state() const { return m_state; }
    QString failureReason() const { return m_reason; }
    QUrl authorizeUrl() const { return m_authorizeUrl; }
    bool isRunning() const { return m_state == State::WaitingForBrowser || m_state == State::Exchanging; }
    /** The answer page is still on its way to the browser: a front end about to quit waits for
     *  browserAnswered (crmbridgectl exits right after finished). */
    bool isAnsweringBrowser() const { return m_answering > 0; }
    static QString stateName(State state);

Q_SIGNALS:
    void authorizeUrlReady(const QUrl &url);
    /** The answer page was written to the browser and the connection closed. */
    void browserAnswered();
    void statusChanged(Crm::AmoCrm::AmoBrowserSignIn::State state, int secondsLeft);
    void finished(const Common::Result<Crm::AmoCrm::AmoTokenSet> &result);

private:
    void setState(State state);
    void onConnection();
    void onRequest(QTcpSocket *socket);
    void exchange(const PastedAuth &auth);
    void fail(const Common::Error &error);
    void succeed(const AmoTokenSet &tokens);
    void answerBrowser(bool ok, const QString &detail);
    void stopListening();

    Net::HttpClient *m_client;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    std::shared_ptr<Storage::Database> m_expiryStore;
    Config m_config;
    State m_state = State::Idle;
    QString m_reason;
    QString m_expectedState;
    QUrl m_authorizeUrl;
    QTcpServer *m_server = nullptr;
    QPointer<QTcpSocket> m_browser;
    QTimer m_tick;
    int m_secondsLeft = 0;
    int m_answering = 0;
    quint64 m_generation = 0; ///< ignores answers of a cancelled attempt
};

} // namespace Crm::AmoCrm
