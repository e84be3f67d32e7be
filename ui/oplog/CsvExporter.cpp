// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvExporter.h"

#include <QDateTime>
#include <QStringList>

namespace Gui {

CsvExporter::CsvExporter(std::shared_ptr<Storage::Database> db, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
{
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &CsvExporter::writeChunk);
}

QString CsvExporter::csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool CsvExporter::start(const Store::OpLogFilter &filter, const QString &path)
{
    if (isRunning())
        return false;
    m_filter = filter;
    m_cursor.reset();
    m_written = 0;
    m_error.clear();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = m_file.errorString();
        return false;
    }
    auto total = Store::OpLogRepo(m_db).count(filter);
    m_total = total ? total.value() : 0;
    m_file.write("time,connection,lane,job,method,url,status,duration_ms,error,keys\n");
    m_timer.start();
    Q_EMIT progressed(0, m_total);
    return true;
}

void CsvExporter::cancel()
{
    if (!isRunning())
        return;
    m_error = tr("Export cancelled.");
    finish(false);
}

void CsvExporter::writeChunk()
{
    auto page = Store::OpLogRepo(m_db).page(m_filter, m_cursor, m_chunk, false);
    if (!page) {
        m_error = page.error().message;
        finish(false);
        return;
    }
    QByteArray out;
    for (const Store::OpLogEntry &e : page.value()) {
        const QStringList fields {
            QDateTime::fromMSecsSinceEpoch(e.atMs).toUTC().toString(Qt::ISODateWithMs),
            e.connectionId ? QString::number(*e.connectionId) : QString(),
            csvField(e.lane),
            e.jobId ? QString::number(*e.jobId) : QString(),
            e.method,
            csvField(e.url),
            QString::number(e.status),
            QString::number(e.durationMs),
            csvField(e.error),
            csvField(e.keys),
        };
        out += fields.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    if (m_file.write(out) != out.size()) {
        m_error = m_file.errorString();
        finish(false);
        return;
    }
    m_written += int(page->size());
    Q_EMIT progressed(m_written, std::max(m_total, m_written));
    if (page->size() < m_chunk) {
        finish(true);
        return;
    }
    m_cursor = Store::OpLogCursor { page->last().atMs, page->last().id };
}

void CsvExporter::finish(bool ok)
{
    m_timer.stop();
    m_file.close();
    if (!ok)
        m_file.remove();
    Q_EMIT finished(ok, m_written);
}

} // namespace Gui
