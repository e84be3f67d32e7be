// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailSandboxOptions.h"
#include "common/ServerThread.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

namespace Sandbox::RetailCrm {

class RetailServer;

/**
 * A RetailCRM API v5 emulator running in-process on its own thread, for tests and the demo.
 * start() blocks until the server listens (or failed); then baseUrl(), site() and apiKey() are known.
 * All state lives on the internal thread: talk to it only over HTTP, including `/__sandbox/`.
 * stop() (or the destructor) shuts the thread down. Owned by its creator; use from one thread.
 */
class RetailCrmSandbox : public QObject
{
    Q_OBJECT
public:
    explicit RetailCrmSandbox(const RetailSandboxOptions &options = {}, QObject *parent = nullptr);
    ~RetailCrmSandbox() override;

    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const { return m_host.isRunning(); }

    /** http://127.0.0.1:PORT — API paths are /api/v5/…, /api/credentials; control at /__sandbox/. */
    QUrl baseUrl() const { return QUrl(m_host.ready().value("base_url").toString()); }
    quint16 port() const { return quint16(baseUrl().port()); }
    QString site() const { return m_host.ready().value("site").toString(); }
    QString apiKey() const { return m_host.ready().value("api_key").toString(); }
    /** The same object crm-sandbox prints as its ready line. */
    QJsonObject readyInfo() const { return m_host.ready(); }

private:
    RetailSandboxOptions m_options;
    ServerThread<RetailServer> m_host;
};

} // namespace Sandbox::RetailCrm
