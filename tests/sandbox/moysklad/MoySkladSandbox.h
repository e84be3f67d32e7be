// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MoySkladSandboxOptions.h"
#include "common/ServerThread.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

namespace Sandbox::MoySklad {

class MoySkladServer;

/**
 * A MoySklad JSON API 1.2 emulator running in-process on its own thread, for tests and the demo.
 * start() blocks until the server listens (or failed); then baseUrl(), apiUrl() and token() are known.
 * All state lives on the internal thread: talk to it only over HTTP, including `/__sandbox/`.
 * stop() (or the destructor) shuts the thread down. Owned by its creator; use from one thread.
 */
class MoySkladSandbox : public QObject
{
    Q_OBJECT
public:
    explicit MoySkladSandbox(const MoySkladSandboxOptions &options = {}, QObject *parent = nullptr);
    ~MoySkladSandbox() override;

    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const { return m_host.isRunning(); }

    /** http://127.0.0.1:PORT — the API is under /api/remap/1.2/, control at /__sandbox/. */
    QUrl baseUrl() const { return QUrl(m_host.ready().value("base_url").toString()); }
    QUrl apiUrl() const { return QUrl(m_host.ready().value("api_url").toString()); }
    /** A user token issued at start (a new POST /security/token revokes it). */
    QString token() const { return m_host.ready().value("token").toString(); }
    QString login() const { return m_host.ready().value("login").toString(); }
    QString password() const { return m_host.ready().value("password").toString(); }
    /** The same object crm-sandbox prints as its ready line. */
    QJsonObject readyInfo() const { return m_host.ready(); }

private:
    MoySkladSandboxOptions m_options;
    ServerThread<MoySkladServer> m_host;
};

} // namespace Sandbox::MoySklad
