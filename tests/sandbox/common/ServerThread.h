// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMetaObject>
#include <QString>
#include <QThread>
#include <utility>

namespace Sandbox {

/**
 * Runs one emulator server (AmoServer, RetailServer …) on a thread of its own, so a test that waits
 * on its own thread still gets answers. Server needs `bool start(QString *error)`, `QJsonObject
 * readyInfo()` and `void shutdown()`; it lives and dies on the internal thread.
 */
template<typename Server> class ServerThread
{
public:
    explicit ServerThread(const QString &threadName) { m_thread.setObjectName(threadName); }
    ~ServerThread() { stop(); }
    ServerThread(const ServerThread &) = delete;
    ServerThread &operator=(const ServerThread &) = delete;

    /** Blocks until the server listens or failed: the caller gets one or an error, nothing in between. */
    template<typename... Args> bool start(QString *error, Args &&...serverArgs)
    {
        if (m_server)
            return true;
        auto *server = new Server(std::forward<Args>(serverArgs)...);
        server->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, server, &QObject::deleteLater);
        m_thread.start();
        bool ok = false;
        QString message;
        QJsonObject ready;
        QMetaObject::invokeMethod(
            server,
            [&] {
                ok = server->start(&message);
                if (ok)
                    ready = server->readyInfo();
            },
            Qt::BlockingQueuedConnection);
        if (!ok) {
            m_thread.quit();
            m_thread.wait();
            if (error)
                *error = message;
            return false;
        }
        m_server = server;
        m_ready = ready;
        return true;
    }

    /** Shuts the server down on its thread (it writes its snapshot, if any) and ends the thread. */
    void stop()
    {
        if (!m_server)
            return;
        Server *server = m_server;
        QMetaObject::invokeMethod(
            server, [server] { server->shutdown(); }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
        m_thread.quit();
        m_thread.wait();
    }

    bool isRunning() const { return m_server != nullptr; }
    /** What the server said when it started: the ready line of crm-sandbox. */
    const QJsonObject &ready() const { return m_ready; }

private:
    QThread m_thread;
    Server *m_server = nullptr;
    QJsonObject m_ready;
};

} // namespace Sandbox
