// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoSandboxOptions.h"
#include "common/ServerThread.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

namespace Sandbox::AmoCrm {

class AmoServer;

/**
 * An amoCRM emulator running in-process on its own thread, for tests and the demo.
 * start() blocks until the server listens (or failed); then baseUrl() and the integration's
 * credentials are known. The server and all its state live on the internal thread, so a caller that
 * waits on its own thread (QSignalSpy::wait, QTRY_*) still gets answers. Talk to it only over HTTP,
 * including the `/__sandbox/` control API. stop() (or the destructor) shuts the thread down and writes
 * the snapshot if one is configured. Owned by its creator; use from one thread.
 */
class AmoCrmSandbox : public QObject
{
    Q_OBJECT
public:
    explicit AmoCrmSandbox(const AmoSandboxOptions &options = {}, QObject *parent = nullptr);
    ~AmoCrmSandbox() override;

    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const { return m_host.isRunning(); }

    /** The default account's base URL, e.g. http://127.0.0.1:41234 */
    QUrl baseUrl() const;
    /** http://127.0.0.1:PORT/_acc/<subdomain> for accounts added through POST /__sandbox/accounts. */
    QUrl accountUrl(const QString &subdomain) const;
    quint16 port() const { return quint16(baseUrl().port()); }
    QString subdomain() const { return m_host.ready().value("subdomain").toString(); }
    QString clientId() const { return m_host.ready().value("client_id").toString(); }
    QString clientSecret() const { return m_host.ready().value("client_secret").toString(); }
    QString redirectUri() const { return m_host.ready().value("redirect_uri").toString(); }
    /** The same object crm-sandbox prints as its ready line. */
    QJsonObject readyInfo() const { return m_host.ready(); }

private:
    AmoSandboxOptions m_options;
    ServerThread<AmoServer> m_host;
};

} // namespace Sandbox::AmoCrm
