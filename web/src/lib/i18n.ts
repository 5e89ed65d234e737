// Russian by default, English on a switch. Messages are keyed by their
// English text; ru holds the Russian. A key with no Russian shows as is.

export type Lang = 'ru' | 'en';

const ru: Record<string, string> = {
  'Dashboard': 'Обзор', 'Slices': 'Срезы', 'Calls': 'Звонки', 'Search': 'Поиск', 'Dictionaries': 'Словари',
  'Sign in': 'Войти', 'Sign out': 'Выйти', 'User': 'Пользователь', 'Password': 'Пароль',
  'Signing in…': 'Вход…', 'Wrong user name or password': 'Неверное имя пользователя или пароль',
  'Too many failed attempts, try again later': 'Слишком много неудачных попыток, попробуйте позже',
  'Your session has ended, sign in again': 'Сеанс завершён, войдите снова',
  'Loading…': 'Загрузка…', 'Nothing found': 'Ничего не найдено', 'Error': 'Ошибка',
  'The server is not reachable': 'Сервер недоступен',
  'The database or storage is unavailable, try again shortly': 'База данных или хранилище недоступны, попробуйте чуть позже',
  'You may not do this': 'У вас нет прав на это действие',
  'No such call, or it is outside your departments': 'Нет такого звонка или он вне ваших отделов',
  'Server error': 'Ошибка сервера',
  'Period': 'Период', 'From': 'С', 'To': 'По', 'All time': 'За всё время', 'Compare': 'Сравнить с прошлым периодом',
  'Department': 'Отдел', 'Queue': 'Очередь', 'Operator': 'Оператор', 'All': 'Все',
  'today': 'сегодня', 'yesterday': 'вчера', 'this-week': 'эта неделя', 'last-week': 'прошлая неделя',
  'this-month': 'этот месяц', 'last-month': 'прошлый месяц', 'this-quarter': 'этот квартал',
  'last-quarter': 'прошлый квартал', 'this-year': 'этот год', 'last-year': 'прошлый год',
  'last-7-days': 'последние 7 дней', 'last-30-days': 'последние 30 дней', 'last-90-days': 'последние 90 дней',
  'Trend': 'Динамика', 'by day': 'по дням', 'by week': 'по неделям', 'by month': 'по месяцам',
  'Category shares': 'Доли категорий', 'Show all': 'Показать все', 'Show fewer': 'Показать меньше', 'Best operators': 'Лучшие операторы', 'Worst operators': 'Худшие операторы',
  'Calls needing attention': 'Звонки, требующие внимания', 'Lowest scores': 'Низшие оценки', 'Churn threats': 'Угрозы ухода',
  'vs previous period': 'к прошлому периоду', 'no previous period': 'нет прошлого периода',
  'calls': 'звонков', 'Score': 'Оценка', 'Duration': 'Длительность', 'Started': 'Начало', 'Direction': 'Направление',
  'Categories': 'Категории', 'Call': 'Звонок', 'Columns': 'Колонки', 'Next': 'Далее', 'Previous': 'Назад',
  'Filter': 'Фильтр', 'Apply': 'Применить', 'Clear': 'Сбросить', 'Total': 'Итого', 'total': 'всего',
  'Dimensions': 'Измерения', 'Measures': 'Показатели', 'Run': 'Построить', 'Export CSV': 'Выгрузить CSV',
  'Save': 'Сохранить', 'Saved reports': 'Сохранённые отчёты', 'Report name': 'Название отчёта',
  'Download YAML': 'Скачать YAML', 'Load YAML': 'Загрузить YAML', 'Delete': 'Удалить', 'Chart': 'График',
  'Play': 'Играть', 'Pause': 'Пауза', 'Speed': 'Скорость', 'Back 5 s': 'Назад 5 с', 'Forward 5 s': 'Вперёд 5 с',
  'Transcript': 'Расшифровка', 'Hits': 'Срабатывания', 'Criteria': 'Критерии оценки', 'Parameters': 'Параметры',
  'Metadata': 'Метаданные', 'passed': 'выполнен', 'failed': 'не выполнен', 'n/a': 'неприменим',
  'unknown': 'неизвестно', 'operator': 'оператор', 'client': 'клиент', 'mixed': 'общий канал',
  'Timing': 'Время', 'Speech': 'Речь', 'Telephony': 'Телефония', 'Other': 'Прочее',
  'silence': 'тишина', 'overtalk': 'перебивание', 'hold': 'удержание', 'speech': 'речь',
  'No audio: you have no permission to listen': 'Без аудио: у вас нет права прослушивания',
  'No audio in storage': 'Записи нет в хранилище', 'Waveform loading…': 'Загрузка волны…',
  'Dictionary version': 'Версия словарей', 'Scoring profile': 'Профиль оценки', 'ASR': 'Распознавание',
  'Analysed': 'Проанализирован', 'Language': 'Язык', 'Channels': 'Каналы', 'Wait': 'Ожидание', 'Transfers': 'Переводы',
  'CSAT': 'CSAT', 'Tags': 'Теги', 'Client': 'Клиент', 'no timeline for this call': 'для этого звонка нет шкалы времени',
  'Phrase': 'Фраза', 'any inflection': 'в любой форме', 'Channel': 'Канал', 'any': 'любой',
  'Test a sentence': 'Проверить фразу', 'Test a call': 'Проверить звонок', 'Test': 'Проверить',
  'What-if': 'Что если', 'Dictionary YAML': 'YAML словаря', 'Before': 'Было', 'After': 'Стало',
  'Gained': 'Добавилось', 'Lost': 'Пропало', 'Category': 'Категория', 'Phrases': 'Фразы', 'phrases': 'фраз',
  'Not counted when said with': 'Не считается, если сказано вместе с',
  'calls checked': 'звонков проверено', 'No hits': 'Нет срабатываний', 'model': 'модель',
  'Found by a trained model, not by a phrase of the dictionary': 'Найдено обученной моделью, а не фразой словаря', 'Call id': 'ID звонка',
  'Quick filters': 'Быстрые фильтры', 'complaints': 'жалобы', 'score below 3': 'оценка ниже 3',
  'churn threat': 'угроза ухода', 'long silence': 'долгая тишина', 'no score': 'без оценки',
  'Sort': 'Сортировка', 'newest first': 'сначала новые', 'oldest first': 'сначала старые',
  'longest first': 'сначала длинные', 'lowest score first': 'сначала низкая оценка', 'highest score first': 'сначала высокая оценка',
  'shortest first': 'сначала короткие', 'Open the calls': 'Открыть звонки', 'Keyboard': 'Клавиши',
  'space play/pause, ← → 5 s, [ ] speed': 'пробел — играть/пауза, ← → — 5 с, [ ] — скорость',
  'Role': 'Роль', 'manager': 'менеджер', 'supervisor': 'руководитель группы', 'analyst': 'аналитик', 'admin': 'администратор',
  'Average score': 'Средняя оценка', 'CSAT index': 'Индекс CSAT', 'Complaints': 'Жалобы',
  'Repeat contacts': 'Повторные обращения', 'Incompetence': 'Некомпетентность', 'Churn threat': 'Угроза ухода',
  'Average wait': 'Среднее ожидание', 'Average talk': 'Средний разговор', 'Average silence': 'Средняя тишина',
  'Call count': 'Звонков', 'No calls in this period': 'Нет звонков за этот период',
  'The filter has an error': 'В фильтре ошибка', 'at column': 'в позиции', 'Rows': 'Строк',
  'Open': 'Открыть', 'changed': 'изменилось', 'without transcript': 'без расшифровки', 'no calls in the previous period': 'в прошлом периоде звонков нет', 'Dictionary': 'Словарь', 'Mono recording: per-side values are unknown': 'Моно-запись: значения по сторонам неизвестны', 'Results': 'Результаты', 'Departments': 'Отделы', 'English': 'English', 'Русский': 'Русский',
};

let current: Lang = (typeof localStorage !== 'undefined' && (localStorage.getItem('callscope.lang') as Lang)) || 'ru';

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang) {
  current = l;
  if (typeof localStorage !== 'undefined') localStorage.setItem('callscope.lang', l);
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}

export function t(key: string): string {
  if (current === 'ru') return ru[key] ?? key;
  return key;
}

export function locale(): string {
  return current === 'ru' ? 'ru-RU' : 'en-US';
}

// missingRussian lists keys used by the UI without a Russian text (a test checks it is empty).
export function hasRussian(key: string): boolean {
  return key in ru;
}
