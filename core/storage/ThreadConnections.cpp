// SPDX-License-Identifier: GPL-3.0-or-later
#include "ThreadConnections.h"

#include <QThread>
#include <atomic>
#include <map>

namespace Storage {

namespace {

std::atomic<quint64> s_nextId { 1 };

void closeAndRemove(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

/** The connections this thread opened, closed and removed when the thread exits. */
struct OpenedOnThisThread
{
    std::map<quint64, QString> names;
    ~OpenedOnThisThread()
    {
        for (const auto &[id, name] : names)
            closeAndRemove(name);
    }
};

thread_local OpenedOnThisThread t_opened;

} // namespace

ThreadConnections::ThreadConnections(QString prefix)
    : m_prefix(std::move(prefix))
    , m_id(s_nextId.fetch_add(1))
{ }

ThreadConnections::~ThreadConnections()
{
    // Only this thread's connection can be removed here; other threads drop theirs when they end.
    releaseThreadConnection();
}

Common::Result<QSqlDatabase>
ThreadConnections::connection(const QString &driver, const QString &missingDriverMessage, const Opener &open)
{
    if (auto it = t_opened.names.find(m_id); it != t_opened.names.end()) {
        if (QSqlDatabase db = QSqlDatabase::database(it->second, false); db.isOpen())
            return db;
        const QString stale = it->second;
        t_opened.names.erase(it);
        closeAndRemove(stale);
    }
    const QString name
        = QStringLiteral("%1-%2-%3").arg(m_prefix).arg(m_id).arg(quintptr(QThread::currentThreadId()));
    Common::Status opened;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
        if (!db.isValid())
            opened = Common::Error::unavailable(missingDriverMessage);
        else
            opened = open(db);
        if (opened) {
            t_opened.names[m_id] = name;
            return db;
        }
    }
    closeAndRemove(name);
    return opened.error();
}

void ThreadConnections::releaseThreadConnection()
{
    auto it = t_opened.names.find(m_id);
    if (it == t_opened.names.end())
        return;
    const QString name = it->second;
    t_opened.names.erase(it);
    closeAndRemove(name);
}

} // namespace Storage
